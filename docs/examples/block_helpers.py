from pyvisa import util

# The same four bytes in each header format.
data = [65, 66, 67, 68]
print(util.to_ieee_block(data, "B"))
print(util.to_hp_block(data, "B"))
print(util.to_rs_block(data, "B"))

# Parsing a block (here a 16 bit big-endian HP block).
print(util.from_hp_block(b"#A\x00\x04\x00\x01\x00\x02", "h", True))
print(util.from_rs_block(b"#(4)ABCD", "B"))

# Header, data and termination: the size of a whole message.
print(util.message_size(1000, "B", "ieee"))
print(util.message_size(1000, "f", "hp"))
print(util.message_size(1000, "d", "empty"))
