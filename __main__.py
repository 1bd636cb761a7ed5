from bedside.cli import app

app(prog_name="bedside")
