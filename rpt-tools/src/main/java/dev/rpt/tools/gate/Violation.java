package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One limit that one element does not meet.
 *
 * @param element the kind of element
 * @param name the element's name: {@code run}, a class name, or {@code Class#method[id]}
 * @param counter the counter
 * @param message what was measured, the bound, and how it was compared
 */
@API(status = INTERNAL, since = "0.1")
public record Violation(Element element, String name, Counter counter, String message) {

    public Violation {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(message, "message");
    }
}
