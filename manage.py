#!/usr/bin/env python
from rekrut.__main__ import main

if __name__ == "__main__":
    main()
