package dev.rpt.sim;

/**
 * The prompt sections the optimizer is working on.
 *
 * @param system the system section text
 * @param user the user section text
 */
record Candidate(String system, String user) {

    /** The traits the simulated target would detect in these sections. */
    PromptTraits traits() {
        return TraitDetector.detect(system + "\n" + user);
    }

    /** This candidate with the remedy's sentence appended to the system section on a line of its own. */
    Candidate withRemedy(Remedy remedy) {
        return withSentence(remedy.sentence());
    }

    /** The candidate with one sentence appended to the system section, on a line of its own. */
    Candidate withSentence(String sentence) {
        String base = system.stripTrailing();
        return new Candidate(base.isEmpty() ? sentence : base + "\n" + sentence, user);
    }
}
