import os
import sys


def main() -> None:
    """The `rekrut` command: Django's management commands plus Rekrut's own (serve, worker, demo, import)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekrut.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
