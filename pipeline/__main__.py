"""`python -m pipeline extract ...` / `python -m pipeline evaluate ...`."""
import sys

from .cli import evaluate_main, extract_main

if __name__ == "__main__":
    commands = {"extract": extract_main, "evaluate": evaluate_main}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print("usage: python -m pipeline {extract,evaluate} ...", file=sys.stderr)
        sys.exit(2)
    sys.exit(commands[sys.argv[1]](sys.argv[2:]))
