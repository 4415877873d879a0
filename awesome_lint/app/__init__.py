"""The command around the engine: arguments, files, git, output formats, the GitHub Action."""
