"""The candidate's prep pack for each interview, and the page for after it: reached from the portal and,
without an account, from the link in the interview invitation."""
