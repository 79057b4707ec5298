import os

HERE = os.path.dirname(os.path.abspath(__file__))
COMPOSE_FILE = os.path.join(HERE, 'docker-compose.yml')
HTML_DIR = os.path.join(HERE, 'docker', 'html')
SEARCH_STRING = 'Datadog'
COMPOSE_PORT = 18080
