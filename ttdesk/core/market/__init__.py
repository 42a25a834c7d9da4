"""The matchmaking ledger (供需对接台账, domain.md §2 and §6): enterprise demands, the
promotion (supply) list, matches between a demand or a company and an achievement with their
stages, and the matchmaking activities that produced them.

Each service opens one unit of work, checks its input and raises a typed bilingual error
naming the rule and the field; a refusal writes nothing. Rules:

- M1 a secret achievement (涉密) is never put on the promotion list;
- M2 a match needs an enterprise: a demand or a company;
- M3 a stage is reached on a day not before the previous stage's day and not in the future;
- M4 only an open case (not archived, not released) is promoted or matched.
"""
