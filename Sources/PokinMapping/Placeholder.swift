import PokinCore
