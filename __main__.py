from bedside.cli import app

if __name__ == "__main__":  # not when a spawned child process imports it
    app(prog_name="bedside")
