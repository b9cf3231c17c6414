print("kefu: placeholder")
