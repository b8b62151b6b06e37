#!/usr/bin/env python3
"""Lists the C# methods (and constructors, operators, local functions) longer than a limit.

Usage: python3 eng/long-methods.py [--max N] FOLDER...   (default: 80 lines, src/CustomerAnalytics)

A member is a declaration (modifiers or a return type, then a name and a parameter list) followed by a '{' at the
same indentation; its length runs from that line to the matching '}' at the same indentation. Expression-bodied
members (`=> …`) are not counted. It reads text, so a row is a place to look, not a verdict. Exits 0 always; prints `path:line  lines  name`, longest first.
"""
import pathlib
import re
import sys

SIGNATURE = re.compile(
    r"^(?P<indent>\s*)"
    r"(?!(?:if|for|foreach|while|switch|using|lock|catch|return|else|await|new|throw|yield|case)\b)"
    r"(?!.*\b(?:class|struct|record|interface)\b)(?!.*=>)"
    # One or more modifiers or a return type, then the name: `private static bool TryRead(`, `public Loader(`.
    r"(?:(?:[\w<>\[\],?.]+|\([^()]*\)\??)\s+)+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:<[^()]*>)?\s*\((?!.*;\s*$)")


def members(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        match = SIGNATURE.match(line)
        if not match:
            continue
        indent = match.group("indent")
        # The signature may wrap: find the '{' that opens the body at the same indentation.
        j = i + 1
        while j < len(lines) and j < i + 12 and lines[j].strip() != "{" and not lines[j].rstrip().endswith(";"):
            j += 1
        if j >= len(lines) or lines[j] != indent + "{":
            continue
        k = j + 1
        while k < len(lines) and lines[k] != indent + "}":
            k += 1
        yield i + 1, k - i + 1, match.group("name")


def main(argv):
    limit = 80
    if len(argv) >= 2 and argv[0] == "--max":
        limit, argv = int(argv[1]), argv[2:]
    folders = argv or ["src/CustomerAnalytics"]
    found = []
    for folder in folders:
        for path in sorted(pathlib.Path(folder).rglob("*.cs")):
            if "/obj/" in str(path) or "/bin/" in str(path):
                continue
            found.extend((length, f"{path}:{line}", name) for line, length, name in members(path) if length > limit)
    for length, where, name in sorted(found, reverse=True):
        print(f"{where}  {length}  {name}")
    if not found:
        print(f"no member over {limit} lines")


if __name__ == "__main__":
    main(sys.argv[1:])
