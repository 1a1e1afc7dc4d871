package dev.rpt.sim;

/**
 * What a prompt asks of the simulated model. Each trait is detected by {@link TraitDetector}.
 *
 * @param stepByStep asks to reason step by step: fewer mistakes on long problems
 * @param answerOnly asks for the bare final answer: the answer field holds just the answer, not prose
 * @param calibrate asks for a confidence that reflects the chance of being right: confidence tracks accuracy
 * @param checkUnits asks to check or convert units: no extra mistakes on unit questions
 * @param json asks for JSON in the text (a response format asks for it anyway)
 * @param lookUpFirst asks a tool-calling assistant to look an order up before it acts on it (see {@link ToolUserRole})
 * @param checkWork asks to check the working again before answering: with {@code stepByStep}, fewer slips per step
 */
record PromptTraits(
        boolean stepByStep,
        boolean answerOnly,
        boolean calibrate,
        boolean checkUnits,
        boolean json,
        boolean lookUpFirst,
        boolean checkWork) {

    static final PromptTraits NONE = new PromptTraits(false, false, false, false, false, false, false);

    /** Traits of a prompt that says nothing about tools. */
    PromptTraits(boolean stepByStep, boolean answerOnly, boolean calibrate, boolean checkUnits, boolean json) {
        this(stepByStep, answerOnly, calibrate, checkUnits, json, false, false);
    }
}
