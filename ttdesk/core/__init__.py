"""Domain services, workflow rules, money and validation. No Qt here."""
