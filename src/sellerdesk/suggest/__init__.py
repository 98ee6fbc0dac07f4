"""The reply suggester: a client's pasted message in, where the conversation
stands in the script, the approved reply to copy next, and the answers the
message holds (each with the words it came from) out.

Offline and plain Python: rules, the seeds' own vocabulary and light fuzzy
matching for typos. The seller always decides what is sent: nothing here
writes anything; `apply` holds the few writes a key press makes.
"""
