/**
 * The chat request a rendered prompt becomes: {@link dev.rpt.chat.ChatRequest} with its messages, roles, tool
 * definitions and calls, and the requested response format. Plain values with no dependency, shared by the prompt
 * renderer and every model provider.
 */
package dev.rpt.chat;
