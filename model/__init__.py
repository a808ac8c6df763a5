"""The neighbourhood support model: parameters, population, network, mechanisms, indicators."""
