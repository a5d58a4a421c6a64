"""Cutting the corpus into fixed-size documents, the same way for every system measured.
Standard library only: the Presidio runner imports it in its own environment."""


def fixed_size_documents(texts: list[str], size: int, count: int) -> list[str]:
    """`count` documents of `size` characters, cut from the texts joined by newlines."""
    joined = "\n".join(texts)
    return [joined[i * size : (i + 1) * size] for i in range(count)]
