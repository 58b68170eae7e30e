#!/usr/bin/env python
from thidua.cli import main

if __name__ == "__main__":
    main()
