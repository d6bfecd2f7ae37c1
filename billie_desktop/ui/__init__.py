"""The console's windows: everything Qt lives here (api, sandbox and work never import it)."""
