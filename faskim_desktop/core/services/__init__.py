"""Services per SOP step. Each public method is one transaction: the domain change, the state
transition from the SOP table and its audit event commit together or not at all."""
