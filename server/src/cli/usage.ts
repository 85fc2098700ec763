// The help text of `planlint --help`: Chinese first, then English.

export const USAGE = `planlint —— 检查政府工作方案（实施方案 / 工作方案 / 工作要点）

用法：
  planlint [选项] <文件|目录|通配符|->...     检查方案
  planlint table <文件|-> [选项]              输出任务分解表
  planlint outline <文件|-> [选项]            输出提纲
  planlint text <文件|-> [-o 文件]            输出 planlint 读到的文本（Word 文档的正文）

命令行上点名的文件总会检查。目录只检查方案文件：*.plan、*.plan.txt、*.plan.md、配置 files
中的文件，以及内容读来是方案的 .txt / .md / .text 文件和 Word 文档（.docx）（看前约 30 KB：方案
标题、分配任务、完成时限）；其余文本文件（报告、其他文件、无判断依据）、二进制文件、.doc / .wps
文档和无法解码的文件都列为“已跳过”并注明原因。目录和通配符不进入 node_modules 和隐藏目录，并遵守
.gitignore、配置 ignores 和 --ignore-pattern。通配符支持 * ** ? [abc] {a,b}，请加引号交给 planlint
展开。每次运行最后都说明检查了几个文件、跳过了哪些。

Word 文档（.docx）按 Word 显示的样子读取：自动编号、表格（合并单元格）、接受全部修订，批注、页眉页脚、
脚注和文本框不计入；问题注明第几段（或表格第几行第几列）并引用开头几个字。--fix 不改写 Word 文件。
.doc、.wps、.pdf、.xlsx 和压缩包不能直接读取：请另存为 .docx（在命令行中点名时退出码为 2）。

检查选项：
  -f, --format <格式>            stylish（默认）、json、sarif、github
  -o, --output-file <文件>       把报告写入文件；扩展名须与格式相符（json：.json，sarif：.sarif 或 .json，
                                 stylish、github：.txt、.log 或其他），否则为用法错误
      --fix                      自动修复可安全修复的问题，原子写回（只写有改动的文件，
                                 保持原编码和 BOM）；与 - 同用时修复后的文本写到标准输出，
                                 报告写到标准错误
  -c, --config <文件>            所有文件都用此配置（默认用离每个文件最近的
                                 .planlintrc.json / .planlintrc.yaml / planlint.config.json）
      --rule <规则:级别>         临时改规则级别，可重复：--rule PL002:off --rule unit-unknown:warning
      --locale <zh-CN|en>        消息语言（默认取配置，否则中文）
      --encoding <编码>          不检测编码，一律按此读取：utf8、utf16le、utf16be、gb18030（gbk、gb2312）
      --max-severity <级别>      达到此级别的问题使检查失败：error（默认）、warning、info、off（从不失败）
      --max-warnings <数量>      警告多于此数时检查失败
      --quiet                    只报告错误，退出码也只按错误计算（警告不使检查失败）
      --ignore-pattern <模式>    目录和通配符跳过的文件，.gitignore 写法，相对于当前目录，可重复
      --no-ignore                不读 .gitignore，也不用配置 ignores 和 --ignore-pattern
      --stdin-filename <名称>    标准输入（-）的文件名：用于查找配置和显示
      --concurrency <auto|off|N> 工作线程数（主线程也参与检查）：auto（默认：超过 8 个文件且共超过
                                 1 MB 时为核数减二，双核机器上不用）、off、线程数
      --color, --no-color        是否着色（默认仅终端；也认 NO_COLOR、FORCE_COLOR）
      --no-progress              不显示进度条（进度条只在标准错误是终端时出现）
      --verbose                  在标准错误输出文件数、线程数和耗时
      --print-config <文件>      打印此文件生效的配置（JSON）后退出

表格选项（planlint table）：
  -f, --format <格式>            md（默认）、csv（带 BOM，Excel 可直接打开）、json、xlsx、
                                 docx（Word：A4 横向公文格式，附件标注、标题、表头每页重复）
  -o, --output-file <文件>       写入文件；未给 --format 时按扩展名判断格式，扩展名与格式不符为用法错误。
                                 xlsx、docx 不输出到终端
      --problems                 增加“问题”列：每个任务上的规则编号和消息
      --unit <单位>              只列出该单位牵头或参与的任务
      --only <状态>              只列出 problems（有问题）、no-lead（缺牵头单位）、no-deadline（缺完成时限）、
                                 ongoing（长期）或 overdue（已逾期）的任务
      -c/--config、--rule、--locale、--encoding、--stdin-filename 同上

其他：
  -h, --help                     显示帮助
  -v, --version                  显示版本

退出码：
  0  没有达到 --max-severity 的问题，警告数也未超过 --max-warnings
  1  有达到 --max-severity 的问题，或警告多于 --max-warnings
  2  用法错误、配置文件错误，文件不存在、无法读取或解码，点名了 .doc/.wps/.pdf 等不能读取的格式，
     对 Word 文档用了 --fix，某个参数（目录、通配符）没有给出方案文件（其余参数仍照常检查），
     或一个文件也没有检查（其他二进制文件只跳过并提示，不算错误）

————————————————————————————————————————

planlint — lint Chinese government work plans (实施方案 / 工作方案 / 工作要点)

Usage:
  planlint [options] <file|folder|glob|->...   lint plans
  planlint table <file|-> [options]            print the task table
  planlint outline <file|-> [options]          print the outline
  planlint text <file|-> [-o file]             print the text planlint reads (a Word document's body)

A file named on the command line is always linted. A folder gives its plan files: *.plan,
*.plan.txt, *.plan.md, the config's files, and .txt / .md / .text files and Word documents (.docx)
whose text reads as a plan (from its first ~30 KB: a plan title, work assigned, deadlines); the
other text files (a report, something else, no evidence either way), binary files, .doc / .wps
documents and undecodable files are listed as skipped, with the reason. Folders and globs skip
node_modules and hidden folders and follow .gitignore, the config's ignores and --ignore-pattern.
Globs support * ** ? [abc] {a,b}: quote them so planlint expands them. Every run ends with how
many files it checked and what it skipped.

A Word document (.docx) is read as Word shows it: automatic numbering, tables (merged cells), all
tracked changes accepted; comments, headers, footers, footnotes and text boxes left out. A finding
names its paragraph (or table row and column) and quotes its first words. --fix never rewrites a
Word file. .doc, .wps, .pdf, .xlsx and archives are not read: save as .docx (exit 2 when named).

Lint options:
  -f, --format <format>          stylish (default), json, sarif, github
  -o, --output-file <file>       write the report to a file; its extension must fit the format (json:
                                 .json, sarif: .sarif or .json, stylish and github: .txt, .log or other)
      --fix                      apply safe fixes and write files back atomically (only files that
                                 change, in their own encoding and BOM); with -, the fixed text goes
                                 to stdout and the report to stderr
  -c, --config <file>            use this config for every file (default: the nearest
                                 .planlintrc.json / .planlintrc.yaml / planlint.config.json)
      --rule <rule:severity>     override a rule, repeatable: --rule PL002:off
      --locale <zh-CN|en>        message language (default: the config's, else Chinese)
      --encoding <name>          read every file in this encoding instead of detecting it:
                                 utf8, utf16le, utf16be, gb18030 (gbk, gb2312)
      --max-severity <severity>  the lowest severity that fails the run: error (default), warning,
                                 info, off (never fails)
      --max-warnings <n>         fail when there are more than n warnings
      --quiet                    report errors only, and count only errors in the exit code
                                 (warnings do not fail the run)
      --ignore-pattern <pattern> files that folders and globs skip, in .gitignore syntax, relative
                                 to the working directory; repeatable
      --no-ignore                read no .gitignore, and use neither ignores nor --ignore-pattern
      --stdin-filename <name>    name of standard input (-): for the config lookup and the report
      --concurrency <auto|off|n> worker threads, linting beside the main thread: auto (default: one
                                 per core but two when there are more than 8 files and over 1 MB of
                                 text; none on two cores), off, or a number
      --color, --no-color        colour output (default: on a TTY; NO_COLOR and FORCE_COLOR apply)
      --no-progress              no progress bar (it only ever shows when stderr is a TTY)
      --verbose                  print files, threads and time on stderr
      --print-config <file>      print the configuration that applies to a file (JSON) and exit

Table options (planlint table):
  -f, --format <format>          md (default), csv (with a BOM, opens in Excel), json, xlsx,
                                 docx (Word: A4 landscape, 公文 layout, header row on every page)
  -o, --output-file <file>       write to a file; without --format, its extension picks the format; an
                                 extension of another format is a usage error. xlsx and docx are
                                 never written to a terminal
      --problems                 add a Problems column: the rule ids and messages on each task
      --unit <unit>              only the tasks this unit leads or takes part in
      --only <state>             only the tasks with problems, no-lead, no-deadline, ongoing or overdue
      -c/--config, --rule, --locale, --encoding, --stdin-filename as above

Other:
  -h, --help                     show this help
  -v, --version                  show the version

Exit codes:
  0  no problem at or above --max-severity, and no more warnings than --max-warnings
  1  problems at or above --max-severity, or more warnings than --max-warnings
  2  usage error, bad config file, a file that is missing, unreadable or undecodable, a
     .doc/.wps/.pdf or other unreadable format named, --fix on a Word document, an argument
     (folder, glob) that gives no plan file (the other arguments are still linted), or no file
     checked at all (other binary files are skipped with a message, not an error)
`;
