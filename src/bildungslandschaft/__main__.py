from bildungslandschaft.cli import main

main()
