import os
import sys

COMMAND_ALIASES = {"cv-read": "cv_read"}


def main() -> None:
    """The `rekrut` command: Django's management commands plus Rekrut's own (serve, worker, demo, import,
    cv-read)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rekrut.settings")
    from django.core.management import execute_from_command_line

    # Django command names cannot hold a "-"; these are the names people type (and the README shows).
    if len(sys.argv) > 1 and sys.argv[1] in COMMAND_ALIASES:
        sys.argv[1] = COMMAND_ALIASES[sys.argv[1]]
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
