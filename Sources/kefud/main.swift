print("kefud: placeholder")
