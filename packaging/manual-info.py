#!/usr/bin/env python3
"""Prints a tool's `--experimental-dump-help` for swift-argument-parser's generate-manual, with
what its pages otherwise lack or get wrong: the values of a closed option and its default go
into the option's text (the page prints neither), and the built-in `help` subcommand goes (it
made a command without subcommands read `kalint subcommand [files...]`).

    manual-info.py TOOL      (scripts/package.sh calls it through a wrapper named like the tool)
"""
import json
import subprocess
import sys


def tidy(command):
    subcommands = [tidy(sub) for sub in command.get("subcommands", []) if sub["commandName"] != "help"]
    if subcommands:
        command["subcommands"] = subcommands
    else:
        command.pop("subcommands", None)
    for argument in command.get("arguments", []):
        notes = []
        if argument.get("allValues"):
            notes.append("values: " + ", ".join(argument["allValues"]))
        if argument.get("defaultValue") is not None and argument["kind"] != "flag":
            notes.append("default: " + argument["defaultValue"])
        if notes:
            argument["abstract"] = (argument.get("abstract", "") + " (" + "; ".join(notes) + ")").strip()
    return command


info = json.loads(subprocess.run([sys.argv[1], "--experimental-dump-help"], check=True, capture_output=True).stdout)
info["command"] = tidy(info["command"])
json.dump(info, sys.stdout)
