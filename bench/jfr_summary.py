#!/usr/bin/env python3
"""Where the CPU time goes, from `jfr print --events jdk.ExecutionSample` on stdin: the share of
samples whose stack contains each category (inclusive, so shares overlap), the hottest top frames,
and the hottest innermost io.prax frames."""

import collections
import re
import sys

# (label, pattern on a frame); inclusive: a sample counts for every category its stack touches
CATEGORIES = [
    ("ES256 token signature verification", r"ECDSA|intpoly|sun\.security\.ec|nimbusds\.jose\.crypto"),
    ("Argon2id password hashing", r"argon2|Argon2"),
    ("PostgreSQL JDBC driver", r"^org\.postgresql\."),
    ("HikariCP pool", r"^com\.zaxxer\.hikari\."),
    ("Hibernate", r"^org\.hibernate\."),
    ("Spring transactions", r"^org\.springframework\.(transaction|orm)\."),
    ("Jackson JSON", r"^tools\.jackson\.|^com\.fasterxml\.jackson\."),
    ("Spring Security filter chain", r"^org\.springframework\.security\."),
    ("Bucket4j rate limits", r"bucket4j"),
    ("audit (io.prax.audit)", r"^io\.prax\.audit\."),
    ("RFC 8785 canonical JSON", r"erdtman|JsonCanonicalizer"),
    ("SHA-256", r"SHA2|sha256|DigestBase"),
    ("session (io.prax.session)", r"^io\.prax\.session\."),
    ("access (io.prax.access)", r"^io\.prax\.access\."),
    ("Tomcat / HTTP", r"^org\.apache\.(coyote|tomcat|catalina)\."),
    ("logging", r"^ch\.qos\.logback\.|^org\.slf4j\."),
]

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")


def main():
    stacks, current, inside = [], [], False
    for line in sys.stdin:
        if "stackTrace = [" in line:
            inside, current = True, []
        elif inside and line.strip().startswith("]"):
            inside = False
            stacks.append(current)
        elif inside:
            match = FRAME.match(line)
            if match:
                current.append(match.group(1))
    total = len(stacks)
    print(f"{total} execution samples")
    if not total:
        return
    print("\nshare of samples by category (inclusive; stacks are cut at JFR's depth of 64 frames):")
    for label, pattern in CATEGORIES:
        regex = re.compile(pattern)
        hits = sum(1 for stack in stacks if any(regex.search(frame) for frame in stack))
        print(f"  {100 * hits / total:5.1f} %  {label}")
    print("\nhottest top frames:")
    for frame, count in collections.Counter(stack[0] for stack in stacks if stack).most_common(15):
        print(f"  {100 * count / total:5.1f} %  {frame}")
    print("\nhottest innermost io.prax frames (the application code nearest to where a sample was taken):")
    prax = collections.Counter(next((f for f in stack if f.startswith("io.prax.")), "(no io.prax frame)")
                               for stack in stacks)
    for frame, count in prax.most_common(15):
        print(f"  {100 * count / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main()
