package dev.rpt.junit.engine;

import dev.rpt.api.Answer;
import dev.rpt.api.Case;
import dev.rpt.api.Cases;
import dev.rpt.api.PromptCase;
import dev.rpt.api.PromptTest;
import dev.rpt.api.Var;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reflection over prompt test classes: which classes and methods count, and what is wrong with them. */
final class PromptTestClass {

    private PromptTestClass() {}

    /** A class the engine should look at: annotated, concrete and instantiable from outside. */
    static boolean isCandidate(Class<?> candidate) {
        return candidate.isAnnotationPresent(PromptTest.class)
                && !Modifier.isAbstract(candidate.getModifiers())
                && !candidate.isInterface()
                && !candidate.isAnonymousClass()
                && !candidate.isLocalClass()
                && (candidate.getEnclosingClass() == null || Modifier.isStatic(candidate.getModifiers()));
    }

    /** The methods with {@link Cases} or {@link Case}, in a stable order (by name, then parameter count). */
    static List<Method> caseMethods(Class<?> testClass) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (isCaseMethod(method) && methods.stream().noneMatch(m -> sameSignature(m, method))) {
                    methods.add(method);
                }
            }
        }
        methods.sort(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount));
        return methods;
    }

    static boolean isCaseMethod(Method method) {
        return method.getAnnotationsByType(Cases.class).length > 0
                || method.getAnnotationsByType(Case.class).length > 0;
    }

    /** What is wrong with a case method, if anything: one sentence that says how to fix it. */
    static Optional<String> problemWith(Method method) {
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (Modifier.isStatic(method.getModifiers())) {
            return Optional.of(where + " is static; prompt test methods must be instance methods.");
        }
        if (Modifier.isPrivate(method.getModifiers())) {
            return Optional.of(where + " is private; make it package-private.");
        }
        if (method.getReturnType() != void.class) {
            return Optional.of(where + " returns " + method.getReturnType().getSimpleName()
                    + "; prompt test methods must return void.");
        }
        for (Parameter parameter : method.getParameters()) {
            if (!supported(parameter)) {
                return Optional.of(where + " has parameter '" + parameter.getName() + "' of type "
                        + parameter.getType().getSimpleName()
                        + ", which rpt cannot supply. Supported: Answer, PromptCase, and @Var(\"name\") String.");
            }
        }
        return Optional.empty();
    }

    /** A method's unique-id segment value: its name and parameter types, as Jupiter writes them. */
    static String methodKey(Method method) {
        return method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getName)
                        .reduce((a, b) -> a + "," + b)
                        .map(types -> "(" + types + ")")
                        .orElse("()");
    }

    private static boolean supported(Parameter parameter) {
        Class<?> type = parameter.getType();
        return type == Answer.class
                || type == PromptCase.class
                || (type == String.class && parameter.isAnnotationPresent(Var.class));
    }

    private static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }
}
