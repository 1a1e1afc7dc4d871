package dev.rpt.junit.engine;

import dev.rpt.api.Answer;
import dev.rpt.api.PromptCase;
import dev.rpt.api.Var;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;

/** Supplies a case method's arguments: the answer, the case, and {@code @Var} variables. */
final class ParameterBinder {

    private ParameterBinder() {}

    static Object[] bind(Method method, PromptCase promptCase, Answer answer) {
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            if (parameter.getType() == Answer.class) {
                arguments[i] = answer;
            } else if (parameter.getType() == PromptCase.class) {
                arguments[i] = promptCase;
            } else {
                String name = parameter.getAnnotation(Var.class).value();
                String value = promptCase.vars().get(name);
                if (value == null) {
                    throw new IllegalArgumentException("Case '" + promptCase.id() + "' (" + promptCase.origin()
                            + ") has no variable '" + name + "' for parameter '" + parameter.getName() + "' of "
                            + method.getName() + ". Add the column to the cases, or fix @Var(\"" + name + "\").");
                }
                arguments[i] = value;
            }
        }
        return arguments;
    }
}
