package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** The author of a chat message. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    /** The result of a tool call, answering one {@link dev.rpt.api.ToolCall} by its id. */
    TOOL
}
