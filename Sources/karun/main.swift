// karun: placeholder until the daemon lands (issue 14).
print("karun: not yet")
