"""The pages of ``accounts``: sign-in locks, the user's account, passwords."""
