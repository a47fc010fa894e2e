"""How the tests start the Java checkers (the Nu Html Checker, EPUBCheck).

Each runs for a few seconds, once per check: a JVM that compiles with C1
alone and collects garbage on one thread does the same checks for about half
the CPU time of the default (C2's compilations outlast such a run). C1's
frames are larger, so the Nu checker, which recurses deeply through its
schema and asks for at least 512k of stack, gets a deeper one.
"""

QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")
