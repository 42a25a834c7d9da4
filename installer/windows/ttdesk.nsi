; TT Desk: the Windows installer (NSIS 3, Unicode).
;
; Per-user: no administrator rights; the program goes to %LOCALAPPDATA%\Programs\TTDesk, a
; start-menu entry opens it, and "Apps & features" lists it. The data (database, backups,
; logs) lives in the user's data folder, %LOCALAPPDATA%\TTDesk, which is never inside the
; program folder: an upgrade replaces the program and keeps the data; uninstalling keeps the
; data unless the user ticks "also delete my data" (or passes /PURGE to a silent uninstall).
;
; Build (scripts/build_installer.sh, or the Windows workflow):
;   makensis -DVERSION=0.1.0 -DDIST=dist\ttdesk -DICON=build\icons\ttdesk.ico
;            -DOUTFILE=dist\TTDesk-0.1.0-setup.exe installer\windows\ttdesk.nsi
; Silent: TTDesk-0.1.0-setup.exe /S   ·   uninstall.exe /S [/PURGE]

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "define VERSION, e.g. -DVERSION=0.1.0"
!endif
!ifndef DIST
  !error "define DIST, the PyInstaller folder holding ttdesk.exe and ttdesk-cli.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "TTDesk-${VERSION}-setup.exe"
!endif

!define APP "TT Desk"
!define APP_ID "TTDesk"
!define PUBLISHER "TT Desk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR "$LOCALAPPDATA\TTDesk"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

Name "${APP}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP} ${VERSION}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP} 科技成果转化管理 installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\ttdesk.exe"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "${APP}" SecProgram
  SectionIn RO
  ; An upgrade: the old program's files go first (a stale module must not linger), the
  ; data folder is elsewhere and untouched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP}.lnk" "$INSTDIR\ttdesk.exe" "" "$INSTDIR\ttdesk.exe" 0
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP} 科技成果转化管理"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ttdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.${APP}" UnSecProgram
  SectionIn RO
  Delete "$SMPROGRAMS\${APP}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\ttdesk.exe"
  Delete "$INSTDIR\ttdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default: the database, its backups and the logs stay for the next install.
Section /o "un.同时删除我的数据（数据库、备份、日志） / Also delete my data" UnSecData
  RMDir /r "${DATA_DIR}"
  DeleteRegKey HKCU "Software\TTDesk"
SectionEnd

Function un.onInit
  ; A silent uninstall deletes the data only when asked with /PURGE.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/PURGE" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${UnSecData} ${SF_SELECTED}
  ${EndIf}
FunctionEnd
