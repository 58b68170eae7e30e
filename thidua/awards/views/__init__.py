"""Pages of the commendation cycle: proposals, council, decisions. Thin: parse, authorise
through the selectors, call one service, render or redirect."""
