"""The broken-input corpus (docs/inputs.md): every reader of the ``sakip`` command line, fed
what people, other programs and attackers give it; run by tests/test_input_corpus.py."""
