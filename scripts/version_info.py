"""Write the Windows version resource PyInstaller stamps on ttdesk.exe and ttdesk-cli.exe.

`python scripts/version_info.py build/version_info.txt` (the Windows workflow runs it; the file
is read by build.spec on Windows only). The version comes from `ttdesk.__version__`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ttdesk import __version__  # noqa: E402

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'TT Desk'),
      StringStruct('FileDescription', 'TT Desk 科技成果转化管理'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('ProductName', 'TT Desk'),
      StringStruct('ProductVersion', '{version}'),
      StringStruct('LegalCopyright', 'TT Desk')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def main(target: str) -> int:
    parts = [int(p) for p in __version__.split(".")[:3]]
    nums = tuple([*parts, *[0] * (4 - len(parts))])
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    Path(target).write_text(TEMPLATE.format(nums=nums, version=__version__), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "build/version_info.txt"))
