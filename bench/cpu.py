#!/usr/bin/env python3
"""CPU time (milliseconds, user + system) used so far by a JVM and by a PostgreSQL server (the
postmaster, its live backends and the ones that ended), so the harness can report CPU per request,
which the other processes on a shared machine disturb far less than throughput.
Usage: cpu.py JVM_PID POSTMASTER_PID  ->  "<jvm ms> <postgres ms>" """

import os
import sys

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def own(pid, children=False):
    try:
        f = fields(pid)
    except OSError:
        return 0
    # after the ")" : state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from field 3
    ticks = int(f[11]) + int(f[12])
    if children:
        ticks += int(f[13]) + int(f[14])
    return ticks


def main():
    jvm, postmaster = sys.argv[1], sys.argv[2]
    pg = own(postmaster, children=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if fields(entry)[1] == postmaster:
                    pg += own(entry)
            except (OSError, IndexError):
                pass
    print(round(own(jvm) * TICK_MS), round(pg * TICK_MS))


if __name__ == "__main__":
    main()
