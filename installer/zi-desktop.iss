; Inno Setup script for ZI Desktop (Windows). Build the folder first: `py build.py --check`,
; then compile this file with Inno Setup 6 (ISCC.exe installer\zi-desktop.iss).
; Installs to Program Files, adds a Start-menu entry, and opens .zidb files on double-click.

#define AppName "ZI Desktop"
#define AppExe "zi-desktop.exe"
; keep in step with pyproject.toml [project] version
#define AppVersion "0.1.0"

[Setup]
AppId={{6B1C2A37-5E0B-4B8F-9C1E-2A5D3F7E9A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=ZI Desktop
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\dist
OutputBaseFilename=ZI-Desktop-{#AppVersion}-setup
SetupIconFile=..\resources\icons\zi-desktop.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
PrivilegesRequired=admin

[Languages]
; Indonesian.isl is an unofficial Inno Setup translation: add it to Languages\ and switch here.
Name: "default"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\zi-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{#AppName} (rencana contoh)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Buat ikon di desktop"; Flags: unchecked

[Registry]
; .zidb → ZIDesktop.Rencana → "zi-desktop.exe" "%1"  (the program opens the path given on its command line)
Root: HKA; Subkey: "Software\Classes\.zidb"; ValueType: string; ValueName: ""; ValueData: "ZIDesktop.Rencana"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ZIDesktop.Rencana"; ValueType: string; ValueName: ""; ValueData: "Rencana Aksi Zona Integritas"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ZIDesktop.Rencana\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\ZIDesktop.Rencana\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent
