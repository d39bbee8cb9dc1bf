"""Webhooks: Rekrut tells other systems (an HR/payroll system, a chat bot) what happened, through the outbox.

One announcement becomes one outbox row per subscribed endpoint (channel "webhook"), so webhooks share the
outbox's guarantees: written in the transaction of the change, sent after commit by the worker, claimed by
one worker only, retried with back-off, kept when a worker crashes. Each attempt is signed anew
(HMAC-SHA256 over "<timestamp>.<body>") and logged; the delivery id stays the same across attempts, so a
receiver drops a copy it already handled.
"""
