"""Config and paths, embedded models; later: modes, prompts, safety, engine and the llama backend."""
