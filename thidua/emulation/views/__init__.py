"""The emulation pages (thin: parse, fetch through the scoped selectors, call a service,
render). One module per screen family."""
