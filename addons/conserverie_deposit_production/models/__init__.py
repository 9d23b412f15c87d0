from . import product_product, stock_lot
