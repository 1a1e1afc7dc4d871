package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/** Whether and which tool the model must call. */
@API(status = EXPERIMENTAL, since = "0.1")
public sealed interface ToolChoice {

    /** The model decides. */
    ToolChoice AUTO = new Mode("auto");
    /** The model must not call a tool. */
    ToolChoice NONE = new Mode("none");
    /** The model must call some tool. */
    ToolChoice REQUIRED = new Mode("required");

    /** The model must call the named tool. */
    static ToolChoice function(String name) {
        return new Function(name);
    }

    /** One of {@code auto}, {@code none} or {@code required}. */
    record Mode(String value) implements ToolChoice {}

    /** A specific function. */
    record Function(String name) implements ToolChoice {
        public Function {
            Objects.requireNonNull(name, "name");
        }
    }
}
