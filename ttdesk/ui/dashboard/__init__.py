"""The dashboard (工作台): KPI tiles, deadlines and charts."""
