package dev.rpt.chat;

/** The author of a chat message. */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    /** The result of a tool call, answering one {@link ToolCall} by its id. */
    TOOL
}
