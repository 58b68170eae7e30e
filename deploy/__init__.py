"""What a province's IT team installs Thi đua with (docs/deploy.md): systemd units, an
example environment file, and ``python -m deploy.check``, which starts the production
configuration on this machine and checks it."""
