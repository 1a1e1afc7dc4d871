"""Checks that every field name in rpt's provider test fixtures is a field of the official SDK's types.

Usage: python3 fixture_fields.py <openai-python checkout> <anthropic-sdk-python checkout>
(e.g. the mirrors that the tool library's `fetch` brings: /work/.mirror/openai+openai-python/repo). Reads the SDKs'
generated types at HEAD with `git show`, so name the commit you checked in the SOURCES.md files. Field names that are
the fixtures' own data (a schema's properties, an answer's keys) are listed as user data. Exit code 1 when any other
field is not in the SDK.
"""
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.join(os.path.dirname(__file__), "..", "resources")
USER_DATA = {"answer", "confidence", "justification", "prompt", "mode", "limit", "additionalProperties", "w"}

OPENAI_TYPES = ["chat/chat_completion.py", "chat/chat_completion_message.py", "completion_usage.py",
                "chat/chat_completion_message_function_tool_call.py", "chat/chat_completion_token_logprob.py",
                "responses/response.py", "responses/response_output_message.py", "responses/response_output_text.py",
                "responses/response_output_refusal.py", "responses/response_function_tool_call.py",
                "responses/response_reasoning_item.py", "responses/response_usage.py", "responses/response_error.py"]
ANTHROPIC_TYPES = ["message.py", "usage.py", "text_block.py", "tool_use_block.py", "thinking_block.py",
                   "cache_creation.py", "output_tokens_details.py", "message_create_params.py", "tool_param.py",
                   "message_param.py", "tool_result_block_param.py", "output_config_param.py",
                   "json_output_format_param.py", "refusal_stop_details.py", "messages/message_batch.py",
                   "messages/message_batch_request_counts.py", "messages/message_batch_individual_response.py",
                   "messages/message_batch_succeeded_result.py", "messages/message_batch_errored_result.py",
                   "shared/error_response.py", "shared/invalid_request_error.py"]


def fields(repo, package, files):
    names = set()
    for path in files:
        source = subprocess.run(["git", "-C", repo, "show", f"HEAD:src/{package}/types/{path}"],
                                capture_output=True, text=True, check=True).stdout
        names |= set(re.findall(r"^\s+([a-z_0-9]+): ", source, re.M))
    return names


def keys(value, out):
    if isinstance(value, dict):
        for key, inner in value.items():
            out.add(key)
            keys(inner, out)
    elif isinstance(value, list):
        for inner in value:
            keys(inner, out)


def check(directory, known):
    bad = 0
    for name in sorted(glob.glob(os.path.join(directory, "**", "*.json*"), recursive=True)):
        text = open(name).read()
        documents = [json.loads(line) for line in text.splitlines() if line.strip()] if name.endswith(".jsonl") \
            else [json.loads(text)]
        found = set()
        for document in documents:
            keys(document, found)
        unknown = sorted(found - known - USER_DATA)
        print(("ok  " if not unknown else "BAD ") + os.path.relpath(name, HERE) + ("" if not unknown else f" {unknown}"))
        bad += bool(unknown)
    return bad


if __name__ == "__main__":
    openai_repo, anthropic_repo = sys.argv[1], sys.argv[2]
    openai_known = fields(openai_repo, "openai", OPENAI_TYPES)
    anthropic_known = fields(anthropic_repo, "anthropic", ANTHROPIC_TYPES)
    failures = 0
    failures += check(os.path.join(HERE, "openai", "responses"), openai_known)
    for fixture in ["final-answer.json", "two-tool-calls.json", "structured-answer.json", "refusal.json",
                    "judge-verdict-logprobs.json", "served-snapshot.json"]:
        document = json.load(open(os.path.join(HERE, "openai", fixture)))
        found = set()
        keys(document, found)
        unknown = sorted(found - openai_known - USER_DATA)
        print(("ok  " if not unknown else "BAD ") + "openai/" + fixture + ("" if not unknown else f" {unknown}"))
        failures += bool(unknown)
    failures += check(os.path.join(HERE, "anthropic"), anthropic_known)
    sys.exit(1 if failures else 0)
