URGENT = "urgent"  # a case whose answer must not carry self-care advice
