"""The pure domain core of Thi đua: the law, scoring, ranking, Vietnamese text.

Nothing here imports Django or any app (checked by import-linter); every function takes
what it needs as arguments and returns plain data.
"""
